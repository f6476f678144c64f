/**
 * The only code of the site that talks to the CMS. It asks the public REST API, without any
 * credentials, so it can only ever receive what the CMS gives anonymous visitors: published
 * content, never drafts and never records of pupils or staff.
 */

export const CMS_URL = (import.meta.env.CMS_URL ?? process.env.CMS_URL ?? 'http://localhost:3000').replace(/\/$/, '')

export interface SchoolLink {
  label: string
  url: string
}

export interface SchoolProfile {
  name: string
  motto?: string | null
  address?: string | null
  phone?: string | null
  email?: string | null
  links: SchoolLink[]
}

async function getJSON<T>(path: string): Promise<T> {
  const url = `${CMS_URL}/api${path}`
  // `credentials: 'omit'` and no Authorization header: the site reads as the public does.
  const response = await fetch(url, { credentials: 'omit', headers: { Accept: 'application/json' } })
  if (!response.ok) {
    throw new Error(`CMS answered ${response.status} for ${url}`)
  }
  return (await response.json()) as T
}

export async function getSchoolProfile(): Promise<SchoolProfile> {
  const profile = await getJSON<Partial<SchoolProfile>>('/globals/school-profile?depth=0')
  return {
    name: profile.name || 'Trường Tiểu học',
    motto: profile.motto,
    address: profile.address,
    phone: profile.phone,
    email: profile.email,
    links: (profile.links ?? []).map(({ label, url }) => ({ label, url })),
  }
}
