import { NextResponse, type NextRequest } from 'next/server'

const LANGUAGE_COOKIE = 'payload-lng'

/**
 * The admin speaks Vietnamese unless its user chose English: without this, Payload would follow
 * the browser's Accept-Language, and many school computers run an English browser.
 */
export function proxy(request: NextRequest) {
  if (request.cookies.has(LANGUAGE_COOKIE)) return NextResponse.next()
  request.cookies.set(LANGUAGE_COOKIE, 'vi')
  const response = NextResponse.next({ request: { headers: request.headers } })
  response.cookies.set(LANGUAGE_COOKIE, 'vi', {
    path: '/',
    sameSite: 'lax',
    maxAge: 60 * 60 * 24 * 365,
  })
  return response
}

export const config = { matcher: ['/admin/:path*'] }
