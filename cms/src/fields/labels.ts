import { GROUP_KIND_LABELS, ROLE_LABELS, ROLES, GROUP_KINDS } from '@school/shared'

/** Select options with Vietnamese and English labels, from the shared constants. */
export const roleOptions = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))

export const groupKindOptions = GROUP_KINDS.map((kind) => ({
  value: kind,
  label: GROUP_KIND_LABELS[kind],
}))
