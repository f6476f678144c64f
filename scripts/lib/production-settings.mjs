/**
 * What a real school's install must set before the CMS starts (scripts/serve.mjs with
 * SCHOOL_ENV=production). Each problem is one sentence in Vietnamese naming the setting, so the
 * IT teacher reading `journalctl -u giathuong` knows what to fix.
 */
import { accessSync, constants } from 'node:fs'
import path from 'node:path'

/** Long enough that it cannot be guessed; `openssl rand -hex 32` gives 64 characters. */
const MIN_SECRET_LENGTH = 32

/** The placeholder of giathuong.env.example: copying the file without editing it is refused. */
export const EXAMPLE_SECRET = 'thay-bang-ket-qua-cua-openssl-rand-hex-32'

/** An https origin (scheme, host, optional port) and nothing else, or a sentence saying why not. */
function originProblem(name, value) {
  if (!value) return `${name} chưa đặt (địa chỉ https, ví dụ https://truong.example.edu.vn).`
  let url
  try {
    url = new URL(value)
  } catch {
    return `${name}=${value} không phải một địa chỉ.`
  }
  if (url.protocol !== 'https:') return `${name}=${value} phải là địa chỉ https://.`
  if (value.replace(/\/$/, '') !== url.origin)
    return `${name}=${value} chỉ gồm https://tên-miền (không có đường dẫn, dấu / cuối hay ?…).`
  return null
}

/** @param {Record<string, string | undefined>} env */
export function productionProblems(env) {
  const problems = []
  const secret = env.PAYLOAD_SECRET ?? ''
  if (!secret) problems.push('PAYLOAD_SECRET chưa đặt (tạo bằng: openssl rand -hex 32).')
  else if (secret === EXAMPLE_SECRET)
    problems.push('PAYLOAD_SECRET vẫn là giá trị mẫu: tạo bằng openssl rand -hex 32.')
  else if (secret.length < MIN_SECRET_LENGTH)
    problems.push(`PAYLOAD_SECRET quá ngắn (cần ít nhất ${MIN_SECRET_LENGTH} ký tự).`)

  const serverProblem = originProblem('SERVER_URL', env.SERVER_URL)
  const siteProblem = originProblem('SITE_URL', env.SITE_URL)
  for (const problem of [serverProblem, siteProblem]) if (problem) problems.push(problem)
  // Separate origins: a script on a public page can never act with a staff member's session.
  if (!serverProblem && !siteProblem && new URL(env.SERVER_URL).host === new URL(env.SITE_URL).host)
    problems.push(
      'SERVER_URL (trang quản trị) và SITE_URL (website) phải là hai tên miền khác nhau.',
    )

  if (!env.SCHOOL_DATA_DIR || !path.isAbsolute(env.SCHOOL_DATA_DIR))
    problems.push('SCHOOL_DATA_DIR phải là đường dẫn tuyệt đối (ví dụ /var/lib/giathuong).')
  if (env.SEED_DEMO === 'true')
    problems.push(
      'SEED_DEMO=true tạo tài khoản mẫu với mật khẩu công khai: không dùng khi chạy thật.',
    )
  if (env.INSECURE_COOKIES === 'true')
    problems.push('INSECURE_COOKIES=true gửi phiên đăng nhập qua http: không dùng khi chạy thật.')

  const certificate = env.SIGNING_CERTIFICATE_FILE?.trim()
  if (certificate) {
    try {
      accessSync(certificate, constants.R_OK)
    } catch {
      problems.push(`SIGNING_CERTIFICATE_FILE=${certificate}: không đọc được tệp chứng thư số.`)
    }
  }
  return problems
}
