/**
 * Languages and the page map. Vietnamese lives at the root, English under /en/; every page knows
 * its counterpart, so the language switch always lands on the same page in the other language.
 */
export const LANGS = ['vi', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export type PageId = 'home' | 'procedures' | 'procedure' | 'appointments' | 'payments' | 'bill' | 'paymentResult' | 'account' | 'signIn' | 'signInDone' | 'notFound' | 'cashierDesk' | 'refundApprovals' | 'financeOffice' | 'receiptVerify'
  | 'myDossiers' | 'applyDossier' | 'dossierDetail' | 'trackDossier' | 'licenceVerify'
  | 'officerInbox' | 'officerDossier' | 'departmentAdmin' | 'hisKeys'
  | 'myAppointments' | 'schedulerDesk' | 'receptionDesk' | 'dataAccess'
  | 'apiReference';

const PATHS: Record<PageId, Record<Lang, string>> = {
  home: { vi: '/', en: '/en/' },
  procedures: { vi: '/thu-tuc/', en: '/en/procedures/' },
  procedure: { vi: '/thu-tuc/', en: '/en/procedures/' },
  appointments: { vi: '/dat-lich/', en: '/en/appointments/' },
  myAppointments: { vi: '/dat-lich/cua-toi/', en: '/en/appointments/mine/' },
  schedulerDesk: { vi: '/nhan-vien/lich-kham/', en: '/en/staff/schedule/' },
  receptionDesk: { vi: '/nhan-vien/tiep-don/', en: '/en/staff/reception/' },
  payments: { vi: '/thanh-toan/', en: '/en/payments/' },
  bill: { vi: '/thanh-toan/hoa-don/', en: '/en/payments/bill/' },
  paymentResult: { vi: '/thanh-toan/ket-qua/', en: '/en/payments/result/' },
  account: { vi: '/tai-khoan/', en: '/en/account/' },
  dataAccess: { vi: '/tai-khoan/ai-da-xem/', en: '/en/account/data-access/' },
  signIn: { vi: '/dang-nhap/', en: '/en/sign-in/' },
  signInDone: { vi: '/dang-nhap/xong/', en: '/en/sign-in/done/' },
  notFound: { vi: '/', en: '/en/' },
  receiptVerify: { vi: '/tra-cuu/bien-lai/', en: '/en/verify/receipt/' },
  cashierDesk: { vi: '/nhan-vien/thu-ngan/', en: '/en/staff/cashier/' },
  refundApprovals: { vi: '/nhan-vien/duyet-hoan-tien/', en: '/en/staff/refund-approvals/' },
  financeOffice: { vi: '/nhan-vien/tai-chinh/', en: '/en/staff/finance/' },
  officerInbox: { vi: '/nhan-vien/ho-so/', en: '/en/staff/dossiers/' },
  officerDossier: { vi: '/nhan-vien/ho-so/chi-tiet/', en: '/en/staff/dossiers/detail/' },
  departmentAdmin: { vi: '/nhan-vien/quan-tri/', en: '/en/staff/admin/' },
  hisKeys: { vi: '/nhan-vien/khoa-his/', en: '/en/staff/his-keys/' },
  myDossiers: { vi: '/ho-so/', en: '/en/dossiers/' },
  applyDossier: { vi: '/ho-so/nop/', en: '/en/dossiers/apply/' },
  dossierDetail: { vi: '/ho-so/chi-tiet/', en: '/en/dossiers/detail/' },
  trackDossier: { vi: '/tra-cuu/ho-so/', en: '/en/track/dossier/' },
  licenceVerify: { vi: '/tra-cuu/giay-phep/', en: '/en/verify/licence/' },
  apiReference: { vi: '/tai-lieu-api/', en: '/en/api-reference/' },
};

/** The address of a page in a language; `code` picks one procedure. */
export function pagePath(page: PageId, lang: Lang, code?: string): string {
  const base = PATHS[page][lang];
  return page === 'procedure' && code ? `${base}${code}/` : base;
}

export const otherLang = (lang: Lang): Lang => (lang === 'vi' ? 'en' : 'vi');

/** Text shared by the layout and more than one page. Page-specific text stays in the page. */
export const UI = {
  vi: {
    portalName: 'Cổng dịch vụ y tế',
    department: 'Sở Y tế Thành phố Hồ Chí Minh',
    skipLink: 'Bỏ qua đến nội dung chính',
    navLabel: 'Điều hướng chính',
    home: 'Trang chủ',
    procedures: 'Thủ tục hành chính',
    appointments: 'Đặt lịch khám',
    payments: 'Thanh toán viện phí',
    account: 'Tài khoản',
    signIn: 'Đăng nhập',
    signOut: 'Đăng xuất',
    switchLabel: 'Ngôn ngữ',
    switchTo: 'English',
    footerHotline: 'Đường dây nóng Sở Y tế: 1900 xxxx (đang cập nhật)',
    footerNote: 'Phần mềm mã nguồn mở. Thông tin thủ tục mang tính tham khảo, căn cứ theo văn bản pháp luật hiện hành.',
    footerLabel: 'Thông tin cổng',
    footerApi: 'Tài liệu API cho nhà phát triển',
  },
  en: {
    portalName: 'Health services portal',
    department: 'Ho Chi Minh City Department of Health',
    skipLink: 'Skip to main content',
    navLabel: 'Main navigation',
    home: 'Home',
    procedures: 'Administrative procedures',
    appointments: 'Book an appointment',
    payments: 'Pay hospital bills',
    account: 'Account',
    signIn: 'Sign in',
    signOut: 'Sign out',
    switchLabel: 'Language',
    switchTo: 'Tiếng Việt',
    footerHotline: 'Department of Health hotline: 1900 xxxx (to be confirmed)',
    footerNote: 'Open-source software. Procedure information is for reference; the legal documents in force prevail.',
    footerLabel: 'About this portal',
    footerApi: 'API reference for developers',
  },
} as const satisfies Record<Lang, Record<string, string>>;
