/**
 * Public hospitals on the portal (demo set). The booking issue moves the full hospital records
 * into the table; ids here are the ones staff accounts are bound to.
 */
export interface Hospital {
  hospitalId: string;
  name: string;
  shortName: string;
}

export const hospitals: Hospital[] = [
  { hospitalId: 'hosp-cho-ray', name: 'Bệnh viện Chợ Rẫy', shortName: 'Chợ Rẫy' },
  { hospitalId: 'hosp-nhi-dong-1', name: 'Bệnh viện Nhi Đồng 1', shortName: 'Nhi Đồng 1' },
];

export const hospitalName = (hospitalId: string): string => hospitals.find((h) => h.hospitalId === hospitalId)?.name ?? hospitalId;
