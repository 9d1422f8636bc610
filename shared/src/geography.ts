/**
 * Administrative geography after the 2025 reorganisation: 34 provinces and centrally-run cities
 * (Resolution 202/2025/QH15, in force 12 Jun 2025; two-level local government from 1 Jul 2025) with
 * their 2-digit codes (Decision 19/2025/QĐ-TTg), and the 168 communes, wards and the special zone of
 * Hồ Chí Minh City with their 5-digit codes, so an address in the city is picked from a list.
 *
 * Source of the codes and names: the open dataset github.com/thanglequoc/vietnamese-provinces-database
 * (built from the national unit list; province codes cross-checked against its postal-prefix table).
 * Wards of other provinces stay free text: the portal serves Hồ Chí Minh City and carrying 3,300
 * names for the rare out-of-city address is not worth the bundle. Old (pre-2025) addresses are typed
 * as text in the street line.
 */

export interface Province {
  /** 2-digit code (Decision 19/2025/QĐ-TTg). */
  code: string;
  nameVi: string;
  nameEn: string;
  kind: 'city' | 'province';
}

const city = (code: string, nameVi: string, nameEn: string): Province => ({ code, nameVi, nameEn, kind: 'city' });
const prov = (code: string, nameVi: string, nameEn: string): Province => ({ code, nameVi, nameEn, kind: 'province' });

/** In code order; Hồ Chí Minh City is '79'. */
export const PROVINCES: readonly Province[] = [
  city('01', 'Hà Nội', 'Ha Noi'),
  prov('04', 'Cao Bằng', 'Cao Bang'),
  prov('08', 'Tuyên Quang', 'Tuyen Quang'),
  prov('11', 'Điện Biên', 'Dien Bien'),
  prov('12', 'Lai Châu', 'Lai Chau'),
  prov('14', 'Sơn La', 'Son La'),
  prov('15', 'Lào Cai', 'Lao Cai'),
  prov('19', 'Thái Nguyên', 'Thai Nguyen'),
  prov('20', 'Lạng Sơn', 'Lang Son'),
  prov('22', 'Quảng Ninh', 'Quang Ninh'),
  prov('24', 'Bắc Ninh', 'Bac Ninh'),
  prov('25', 'Phú Thọ', 'Phu Tho'),
  city('31', 'Hải Phòng', 'Hai Phong'),
  prov('33', 'Hưng Yên', 'Hung Yen'),
  prov('37', 'Ninh Bình', 'Ninh Binh'),
  prov('38', 'Thanh Hóa', 'Thanh Hoa'),
  prov('40', 'Nghệ An', 'Nghe An'),
  prov('42', 'Hà Tĩnh', 'Ha Tinh'),
  prov('44', 'Quảng Trị', 'Quang Tri'),
  city('46', 'Huế', 'Hue'),
  city('48', 'Đà Nẵng', 'Da Nang'),
  prov('51', 'Quảng Ngãi', 'Quang Ngai'),
  prov('52', 'Gia Lai', 'Gia Lai'),
  prov('56', 'Khánh Hòa', 'Khanh Hoa'),
  prov('66', 'Đắk Lắk', 'Dak Lak'),
  prov('68', 'Lâm Đồng', 'Lam Dong'),
  prov('75', 'Đồng Nai', 'Dong Nai'),
  city('79', 'Hồ Chí Minh', 'Ho Chi Minh City'),
  prov('80', 'Tây Ninh', 'Tay Ninh'),
  prov('82', 'Đồng Tháp', 'Dong Thap'),
  prov('86', 'Vĩnh Long', 'Vinh Long'),
  prov('91', 'An Giang', 'An Giang'),
  city('92', 'Cần Thơ', 'Can Tho'),
  prov('96', 'Cà Mau', 'Ca Mau'),
];

export const HCMC_PROVINCE_CODE = '79';

export interface Ward {
  /** 5-digit code. */
  code: string;
  /** Full name with its kind: "Phường Sài Gòn", "Xã Củ Chi", "Đặc khu Côn Đảo". */
  nameVi: string;
}

const wards = (prefix: string, rows: readonly string[]): Ward[] =>
  rows.map((row) => ({ code: row.slice(0, 5), nameVi: `${prefix} ${row.slice(6)}` }));

/** The 168 units of Hồ Chí Minh City: 113 wards (phường), 54 communes (xã), 1 special zone (đặc khu). */
export const HCMC_WARDS: readonly Ward[] = [
  ...wards('Phường', [
  '25747 Thủ Dầu Một', '25750 Phú Lợi', '25760 Bình Dương', '25768 Phú An', '25771 Chánh Hiệp', '25813 Bến Cát',
  '25837 Chánh Phú Hòa', '25840 Long Nguyên', '25843 Tây Nam', '25846 Thới Hòa', '25849 Hòa Lợi', '25888 Tân Uyên',
  '25891 Tân Khánh', '25912 Vĩnh Tân', '25915 Bình Cơ', '25920 Tân Hiệp', '25942 Dĩ An', '25945 Tân Đông Hiệp', '25951 Đông Hòa',
  '25966 Lái Thiêu', '25969 Thuận Giao', '25975 An Phú', '25978 Thuận An', '25987 Bình Hòa', '26506 Vũng Tàu', '26526 Tam Thắng',
  '26536 Rạch Dừa', '26542 Phước Thắng', '26560 Bà Rịa', '26566 Long Hương', '26572 Tam Long', '26704 Phú Mỹ', '26710 Tân Hải',
  '26713 Tân Phước', '26725 Tân Thành', '26737 Tân Định', '26740 Sài Gòn', '26743 Bến Thành', '26758 Cầu Ông Lãnh',
  '26767 An Phú Đông', '26773 Thới An', '26782 Tân Thới Hiệp', '26785 Trung Mỹ Tây', '26791 Đông Hưng Thuận', '26800 Linh Xuân',
  '26803 Tam Bình', '26809 Hiệp Bình', '26824 Thủ Đức', '26833 Long Bình', '26842 Tăng Nhơn Phú', '26848 Phước Long',
  '26857 Long Phước', '26860 Long Trường', '26876 An Nhơn', '26878 An Hội Đông', '26882 An Hội Tây', '26884 Gò Vấp',
  '26890 Hạnh Thông', '26898 Thông Tây Hội', '26905 Bình Lợi Trung', '26911 Bình Quới', '26929 Bình Thạnh', '26944 Gia Định',
  '26956 Thạnh Mỹ Tây', '26968 Tân Sơn Nhất', '26977 Tân Sơn Hòa', '26983 Bảy Hiền', '26995 Tân Hòa', '27004 Tân Bình',
  '27007 Tân Sơn', '27013 Tây Thạnh', '27019 Tân Sơn Nhì', '27022 Phú Thọ Hòa', '27028 Phú Thạnh', '27031 Tân Phú',
  '27043 Đức Nhuận', '27058 Cầu Kiệu', '27073 Phú Nhuận', '27094 An Khánh', '27097 Bình Trưng', '27112 Cát Lái',
  '27139 Xuân Hòa', '27142 Nhiêu Lộc', '27154 Bàn Cờ', '27163 Hòa Hưng', '27169 Diên Hồng', '27190 Vườn Lài', '27211 Hòa Bình',
  '27226 Phú Thọ', '27232 Bình Thới', '27238 Minh Phụng', '27259 Xóm Chiếu', '27265 Khánh Hội', '27286 Vĩnh Hội',
  '27301 Chợ Quán', '27316 An Đông', '27343 Chợ Lớn', '27349 Phú Lâm', '27364 Bình Phú', '27367 Bình Tây', '27373 Bình Tiên',
  '27418 Chánh Hưng', '27424 Bình Đông', '27427 Phú Định', '27439 Bình Hưng Hòa', '27442 Bình Tân', '27448 Bình Trị Đông',
  '27457 Tân Tạo', '27460 An Lạc', '27475 Tân Hưng', '27478 Tân Thuận', '27484 Phú Thuận', '27487 Tân Mỹ',
  ]),
  ...wards('Xã', [
  '25777 Dầu Tiếng', '25780 Minh Thạnh', '25792 Long Hòa', '25807 Thanh An', '25819 Trừ Văn Thố', '25822 Bàu Bàng',
  '25858 Phú Giáo', '25864 Phước Thành', '25867 An Long', '25882 Phước Hòa', '25906 Bắc Tân Uyên', '25909 Thường Tân',
  '26545 Long Sơn', '26575 Ngãi Giao', '26584 Xuân Sơn', '26590 Bình Giã', '26596 Châu Đức', '26608 Kim Long',
  '26617 Nghĩa Thành', '26620 Hồ Tràm', '26632 Xuyên Mộc', '26638 Bàu Lâm', '26641 Hòa Hội', '26647 Hòa Hiệp', '26656 Bình Châu',
  '26659 Long Điền', '26662 Long Hải', '26680 Đất Đỏ', '26686 Phước Hải', '26728 Châu Pha', '27496 Tân An Hội',
  '27508 An Nhơn Tây', '27511 Nhuận Đức', '27526 Thái Mỹ', '27541 Phú Hòa Đông', '27544 Bình Mỹ', '27553 Củ Chi',
  '27559 Hóc Môn', '27568 Đông Thạnh', '27577 Xuân Thới Sơn', '27592 Bà Điểm', '27595 Tân Nhựt', '27601 Vĩnh Lộc',
  '27604 Tân Vĩnh Lộc', '27610 Bình Lợi', '27619 Bình Hưng', '27628 Hưng Long', '27637 Bình Chánh', '27655 Nhà Bè',
  '27658 Hiệp Phước', '27664 Cần Giờ', '27667 Bình Khánh', '27673 An Thới Đông', '27676 Thạnh An',
  ]),
  ...wards('Đặc khu', ['26732 Côn Đảo']),
];

const provinceByCode = new Map(PROVINCES.map((p) => [p.code, p]));
const hcmcWardByCode = new Map(HCMC_WARDS.map((w) => [w.code, w]));

export const provinceOf = (code: string): Province | undefined => provinceByCode.get(code);
export const hcmcWardOf = (code: string): Ward | undefined => hcmcWardByCode.get(code);

/** Does the province pick its ward from a list (and so store a ward code)? */
export const hasWardList = (provinceCode: string): boolean => provinceCode === HCMC_PROVINCE_CODE;

/** One line for display: "12 Lê Lợi, Phường Sài Gòn, Hồ Chí Minh". */
export function formatAddress(address: { province?: string; ward?: string; street?: string }, lang: 'vi' | 'en' = 'vi'): string {
  const province = address.province ? provinceOf(address.province) : undefined;
  const ward = address.ward && address.province && hasWardList(address.province) ? (hcmcWardOf(address.ward)?.nameVi ?? address.ward) : address.ward;
  const provinceName = province ? (lang === 'en' ? province.nameEn : province.nameVi) : address.province;
  return [address.street, ward, provinceName].filter((s) => s && s.trim()).join(', ');
}
