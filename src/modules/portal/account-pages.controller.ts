import { Body, Controller, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Throttle } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { Public } from '../../infra/http/public.decorator';
import { Refusal } from '../../shared/domain/refusal';
import { AccountsService } from '../accounts/accounts.service';
import { APPLICANT_CATEGORY_LABELS } from '../accounts/domain/applicant';
import { ID_PROOF_LABELS } from '../accounts/domain/identity';
import { RegisterApplicantDto } from '../accounts/dto/register.dto';
import { AuthService } from '../auth/auth.service';
import { ForgotPasswordDto, ResetPasswordDto } from '../auth/dto/auth.dto';
import { fieldsOf, type FormError } from './form-errors';
import { PageQueryDto, TokenPageQueryDto } from './page-query.dto';
import { PortalPages } from './portal-pages';
import { PORTAL_TEXT, type Lang, type PortalTextKey } from './portal-text';
import { formErrorsOf, validatedForm } from './validated-form';

const REGISTER_FIELDS = [
  'email',
  'category',
  'name',
  'idType',
  'idNumber',
  'phone',
  'address',
  'postcode',
] as const;

const invalid = (errors: FormError[]) => Object.fromEntries(errors.map((e) => [e.field, true]));

/** Self-registration, e-mail verification and setting a new password, as pages. */
@ApiExcludeController()
@Controller()
export class AccountPagesController {
  constructor(
    private readonly pages: PortalPages,
    private readonly accounts: AccountsService,
    private readonly auth: AuthService,
  ) {}

  @Get('register')
  @Public()
  registerForm(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): string {
    return this.registerPage(req, res, { category: 'np', idType: 'resident_id' }, []);
  }

  @Post('register')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 10, ttl: 60_000 } })
  async register(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    const fields = fieldsOf(body, REGISTER_FIELDS);
    const form = await validatedForm(RegisterApplicantDto, body, lang);
    if (!form.value) return this.registerPage(req, res, fields, form.errors, 400);
    try {
      await this.accounts.registerApplicant(form.value, req.ip ?? null);
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return this.registerPage(req, res, fields, formErrorsOf(err, lang, 'email'), 400);
    }
    return this.message(req, res, lang, 'registered', 'registeredText');
  }

  @Get('verify-email')
  @Public()
  async verify(
    @Query() q: TokenPageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    try {
      await this.auth.verifyEmail(q.token ?? '');
    } catch (err) {
      if (!(err instanceof Refusal)) throw err;
      return this.message(req, res, lang, 'verifyFailed', 'linkInvalid', 404, true);
    }
    return this.message(req, res, lang, 'verified', 'verifiedText');
  }

  @Get('forgot-password')
  @Public()
  forgotForm(
    @Query() _q: PageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): string {
    return this.pages.render(req, res, 'forgot', { errors: [], invalid: {} });
  }

  @Post('forgot-password')
  @Public()
  @HttpCode(200)
  @Throttle({ default: { limit: 5, ttl: 60_000 } })
  async forgot(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    const form = await validatedForm(ForgotPasswordDto, body, lang);
    if (!form.value)
      return this.pages.render(
        req,
        res,
        'forgot',
        { errors: form.errors, invalid: invalid(form.errors) },
        400,
      );
    await this.auth.requestPasswordReset(form.value.email);
    return this.message(req, res, lang, 'forgot', 'forgotSent');
  }

  @Get('reset-password')
  @Public()
  async resetForm(
    @Query() q: TokenPageQueryDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    return this.pages.render(req, res, 'reset', {
      token: q.token ?? '',
      invitation: await this.auth.isInvitation(q.token ?? ''),
      errors: [],
      invalid: {},
    });
  }

  @Post('reset-password')
  @Public()
  @HttpCode(200)
  async reset(
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
    @Body() body: unknown,
  ): Promise<string> {
    const { lang } = this.pages.context(req, res);
    const token = fieldsOf(body, ['token']).token;
    const form = await validatedForm(ResetPasswordDto, body, lang);
    let errors = form.errors as FormError[];
    if (form.value) {
      try {
        await this.auth.resetPassword(form.value.token, form.value.password);
        return this.message(req, res, lang, 'passwordSet', 'verifiedText');
      } catch (err) {
        if (!(err instanceof Refusal)) throw err;
        errors = formErrorsOf(err, lang, 'password');
      }
    }
    const shown = errors.map((e) =>
      e.field === 'token' ? { field: 'password', message: PORTAL_TEXT.linkInvalid[lang] } : e,
    );
    return this.pages.render(
      req,
      res,
      'reset',
      {
        token,
        invitation: await this.auth.isInvitation(token),
        errors: shown,
        invalid: invalid(shown),
      },
      400,
    );
  }

  private registerPage(
    req: Request,
    res: Response,
    fields: Record<string, string>,
    errors: FormError[],
    status = 200,
  ): string {
    const { lang } = this.pages.context(req, res);
    return this.pages.render(
      req,
      res,
      'register',
      {
        fields: Object.fromEntries(REGISTER_FIELDS.map((f) => [f, fields[f] ?? ''])),
        errors,
        invalid: invalid(errors),
        categories: Object.entries(APPLICANT_CATEGORY_LABELS).map(([value, label]) => ({
          value,
          label,
        })),
        idTypes: Object.entries(ID_PROOF_LABELS).map(([value, label]) => ({ value, label })),
        lang,
      },
      status,
    );
  }

  private message(
    req: Request,
    res: Response,
    lang: Lang,
    heading: PortalTextKey,
    text: PortalTextKey,
    status = 200,
    alert = false,
  ): string {
    return this.pages.render(
      req,
      res,
      'message',
      {
        heading: PORTAL_TEXT[heading][lang],
        text: PORTAL_TEXT[text][lang],
        alert,
        next: { href: '/signin', label: PORTAL_TEXT.signIn[lang] },
      },
      status,
    );
  }
}
