/**
 * The site's menu, one list for the header and the footer. Addresses are kept stable (issue 15):
 * outside checks and the school's printed material link to them.
 */
export interface NavItem {
  href: string
  label: string
}

export const NAV: readonly NavItem[] = [
  { href: '/', label: 'Trang chủ' },
  { href: '/gioi-thieu/', label: 'Giới thiệu – Liên hệ' },
  { href: '/co-cau-to-chuc/', label: 'Cơ cấu tổ chức' },
  { href: '/tin-tuc/', label: 'Tin tức' },
  { href: '/thong-bao/', label: 'Thông báo' },
  { href: '/thoi-khoa-bieu/', label: 'Thời khóa biểu' },
  { href: '/thuc-don/', label: 'Thực đơn' },
  { href: '/lich-kiem-tra/', label: 'Lịch kiểm tra' },
  { href: '/van-ban/', label: 'Văn bản' },
  { href: '/cong-khai/', label: 'Công khai' },
  { href: '/thu-vien-anh/', label: 'Thư viện ảnh' },
  { href: '/bai-giang/', label: 'Bài giảng E-learning' },
  { href: '/de-kiem-tra/', label: 'Đề ôn luyện' },
]
