import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const behindHttps = (process.env.SERVER_URL ?? '').startsWith('https://')
const development = process.env.NODE_ENV !== 'production'

/**
 * The admin's Content Security Policy: as strict as Next and Payload allow. Next's pages carry
 * inline bootstrap scripts and Payload's admin inline styles, so both need 'unsafe-inline' (no
 * nonces); nothing is loaded from elsewhere, and no other site may frame the admin (issue 10,
 * hole 11). Development adds what React's fast refresh needs.
 */
const ADMIN_POLICY = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${development ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${development ? ' ws: wss:' : ''}`,
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

const EVERY_ANSWER = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  // Only over HTTPS: over plain http it would be ignored, and on localhost it would stick.
  ...(behindHttps
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
    : []),
]

const nextConfig: NextConfig = {
  transpilePackages: ['@school/shared'],
  // The PDF and signing libraries read their own files (font metrics, the fonts) from their
  // package folders at run time: they must stay Node packages, not bundled copies.
  serverExternalPackages: [
    'pdfkit',
    'fontkit',
    '@expo-google-fonts/tinos',
    '@signpdf/signpdf',
    '@signpdf/signer-p12',
    '@signpdf/placeholder-plain',
    '@signpdf/utils',
    'node-forge',
  ],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: EVERY_ANSWER },
      // Stored files get their own, stricter policy from the media collection (media/file-headers).
      {
        source: '/:path((?!api/media/file/).*)',
        headers: [{ key: 'Content-Security-Policy', value: ADMIN_POLICY }],
      },
    ]
  },
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
  webpack: (webpackConfig) => {
    webpackConfig.resolve.extensionAlias = {
      '.cjs': ['.cts', '.cjs'],
      '.js': ['.ts', '.tsx', '.js', '.jsx'],
      '.mjs': ['.mts', '.mjs'],
    }
    return webpackConfig
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
