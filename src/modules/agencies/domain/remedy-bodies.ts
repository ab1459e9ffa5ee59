import type { RemedyBodies } from './agency';

/** Where an agency stands, as D-20 needs it to name its reconsideration body and court. */
export type AgencyStanding =
  | {
      /** A department of a county-level-or-above people's government. */
      readonly kind: 'department';
      /** The government it belongs to (本级人民政府). */
      readonly government: string;
      /** The county-level place where it sits, for the basic court (e.g. 大庆市萨尔图区). */
      readonly seat: string;
    }
  | {
      /** A people's government: a county or district, or a 设区的市. */
      readonly kind: 'government';
      readonly level: 'county' | 'city';
      /** The government one level up (for a city: the province). */
      readonly superiorGovernment: string;
      /** The 设区的市 whose intermediate court hears suits against it (e.g. 大庆市). */
      readonly city: string;
    }
  | {
      /** Vertically led (customs, finance, foreign exchange, tax, state security). */
      readonly kind: 'vertical';
      /** The superior authority of the same system. */
      readonly superior: string;
      readonly seat: string;
    };

/**
 * D-20: the reconsideration body (Reconsideration Law 2023 Arts 24, 27) and the court of first
 * instance (Administrative Litigation Law Art 15(1): a county-level-or-above government is sued
 * in the intermediate court, any other agency in the basic court where it sits).
 */
export function remedyBodiesFor(s: AgencyStanding): Required<RemedyBodies> {
  switch (s.kind) {
    case 'department':
      return { reconsiderationBody: s.government, court: `${s.seat}人民法院` };
    case 'government':
      return { reconsiderationBody: s.superiorGovernment, court: `${s.city}中级人民法院` };
    case 'vertical':
      return { reconsiderationBody: s.superior, court: `${s.seat}人民法院` };
  }
}
