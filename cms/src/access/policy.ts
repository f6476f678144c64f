/**
 * Who may do what in the school's system: the one place every permission is declared.
 *
 * Collections take their `access` from here (see ./payload-access.ts), hooks and endpoints ask
 * `can()`, and the admin UI gets what Payload derives from the same functions. Each rule names
 * the article of the regulation it comes from. `tests/int/policy-matrix.int.test.ts` walks every
 * role through every cell of this table.
 */
import { allOf, anyOf, anyone, hasRole, notSelf, notSelfById, self, staff, type Rule } from './rules'

/**
 * Điều 5.1–5.2: the principal sets up accounts and permissions, or delegates account management
 * to someone (a flag only the principal can grant).
 */
export const principal: Rule = hasRole('principal')
const delegate: Rule = ({ user }) => Boolean(user?.canManageAccounts)
export const accountManager: Rule = anyOf(principal, delegate)

/**
 * A delegate manages everyone's account but the principal's: no delegate can take over the school.
 * (A `not_in` on the roles array would match a principal who also holds another role, so the
 * principals are looked up by id.)
 */
const notPrincipalAccount: Rule = async ({ req }) => {
  const { docs } = await req.payload.find({
    collection: 'users',
    where: { roles: { in: ['principal'] } },
    depth: 0,
    limit: 0,
    pagination: false,
    select: {},
    overrideAccess: true,
    req,
  })
  return { id: { not_in: docs.map((doc) => doc.id) } }
}
const manageableAccount: Rule = anyOf(principal, allOf(delegate, notPrincipalAccount))

const mentionsPrincipal = (roles: unknown) => Array.isArray(roles) && roles.includes('principal')
/** Only the principal gives or takes away the principal role. */
const principalRoleOnlyByPrincipal: Rule = async (context) =>
  (await principal(context)) === true ||
  (!mentionsPrincipal(context.data?.roles) && !mentionsPrincipal(context.doc?.roles))

export type CrudAction = 'create' | 'read' | 'update' | 'delete'
export type CrudRules = Record<CrudAction, Rule>

export const collectionPolicy = {
  /** Staff accounts (Điều 4, 5.1, 5.2). */
  users: {
    create: accountManager,
    // Colleagues' names appear as authors, heads and homeroom teachers: all staff see them.
    read: staff,
    // Everyone keeps their own name, phone and password up to date (Điều 4: change passwords).
    update: anyOf(manageableAccount, self),
    // Nobody deletes their own account: the school would lose its last principal that way.
    delete: allOf(manageableAccount, notSelf),
  },
  /** Professional groups, organisations, classes and the editorial board (Điều 5.6, 7, 9). */
  groups: {
    create: accountManager,
    read: staff,
    update: accountManager,
    delete: accountManager,
  },
} satisfies Record<string, CrudRules>

export type PolicyCollection = keyof typeof collectionPolicy

/**
 * Fields some who may update the document still may not change. A rule here is checked on
 * create and update; a refused change answers 403 with a message, it is never silently dropped.
 */
export const fieldPolicy = {
  users: {
    // Điều 5.1: roles are given by the principal (or delegate); nobody changes their own.
    roles: allOf(accountManager, notSelfById, principalRoleOnlyByPrincipal),
    // Điều 5.2: only the principal delegates account management, and never to themself.
    canManageAccounts: allOf(principal, notSelfById),
    // The login name is part of the account the principal set up.
    email: accountManager,
  },
} satisfies Partial<Record<PolicyCollection, Record<string, Rule>>>

export const globalPolicy = {
  /** The school's public profile and links shown on the website (Điều 17.2). */
  'school-profile': {
    read: anyone,
    update: hasRole('principal', 'web_admin'),
  },
} satisfies Record<string, { read: Rule; update: Rule }>

export type PolicyGlobal = keyof typeof globalPolicy

/** Who may enter the admin panel: any staff account with at least one role. */
export const adminPanel: Rule = ({ user }) => Boolean(user?.roles?.length)
