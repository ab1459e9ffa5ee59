import type { Response } from 'express';
import { httpStatusOf } from '../../../infra/http/domain-error';
import { Refusal } from '../../../shared/domain/refusal';
import type { AuthedRequest } from '../../access/request-auth';
import { ReportActionDto } from '../../reports/dto/report-action.dto';
import type { PortalPages } from '../portal-pages';
import type { Lang } from '../portal-text';
import { validatedForm } from '../validated-form';
import { textIn } from '../portal-text';

/** Which report a page is about (the API's ReportKey). */
export interface ReportKey {
  readonly year: number;
  readonly agencyCode: string;
  readonly subtree: boolean;
}

/** The report named by the address, checked by the API's own DTO; null when it names none. */
export async function reportKeyOf(
  code: string,
  year: string,
  subtree: boolean,
  lang: Lang,
): Promise<ReportKey | null> {
  if (!/^\d{4}$/.test(year)) return null;
  const form = await validatedForm(ReportActionDto, { year, agencyCode: code }, lang);
  return form.value ? { year: form.value.year, agencyCode: form.value.agencyCode, subtree } : null;
}

/** A refusal meaning "not within your reach" (answered with the 404 page). */
export function outOfReach(err: unknown): boolean {
  return err instanceof Refusal && httpStatusOf(err.code) === 404;
}

/** The reports' 404 page (no such agency, or its reports out of reach). */
export function reportNotFound(pages: PortalPages, req: AuthedRequest, res: Response): string {
  const { lang } = pages.context(req, res);
  const r = textIn(lang);
  return pages.render(
    req,
    res,
    'message',
    {
      heading: r('rpNotFound'),
      text: r('rpNotFoundText'),
      next: { href: '/reports', label: r('rpTitle') },
    },
    404,
  );
}
