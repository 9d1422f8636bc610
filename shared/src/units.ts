/**
 * The department's handling units. A procedure names the unit that handles it (catalogue `unitId`);
 * an officer is bound to one unit (token claim `custom:unit`) and works that unit's inbox only.
 */
export const UNITS = [
  { id: 'unit-nghiep-vu-y', nameVi: 'Phòng Nghiệp vụ Y', nameEn: 'Medical Affairs Division' },
  { id: 'unit-nghiep-vu-duoc', nameVi: 'Phòng Nghiệp vụ Dược', nameEn: 'Pharmaceutical and Medical Devices Division' },
] as const;

export type UnitId = (typeof UNITS)[number]['id'];

export function unitName(unitId: string, lang: 'vi' | 'en' = 'vi'): string {
  const unit = UNITS.find((u) => u.id === unitId);
  if (!unit) return unitId;
  return lang === 'en' ? unit.nameEn : unit.nameVi;
}
