import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { Request } from 'express';
import { fieldProblem } from '../../../shared/domain/refusal';
import { invalidFields } from '../domain-error';

/** What a handler reads from the query string: a whole DTO, or the named parameters. */
type QueryShape =
  { readonly dto: true } | { readonly dto: false; readonly names: ReadonlySet<string> };

/**
 * Query strings are validated as strictly as bodies, on every route: a handler that reads the
 * whole query (`@Query() dto`) has its DTO refuse unknown parameters; on any other route a
 * parameter it does not name is refused here (400, `field-unknown`).
 */
@Injectable()
export class StrictQueryGuard implements CanActivate {
  private readonly shapes = new WeakMap<object, QueryShape>();

  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const shape = this.shapeOf(ctx);
    if (shape.dto) return true;
    const query = ctx.switchToHttp().getRequest<Request>().query as Record<string, unknown>;
    const unknown = Object.keys(query ?? {}).filter((k) => !shape.names.has(k));
    if (unknown.length) throw invalidFields(unknown.map((k) => fieldProblem(k, 'field-unknown')));
    return true;
  }

  private shapeOf(ctx: ExecutionContext): QueryShape {
    const handler = ctx.getHandler();
    const known = this.shapes.get(handler);
    if (known) return known;
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, ctx.getClass(), handler.name) ??
      {}) as Record<string, { data?: unknown }>;
    const queries = Object.entries(args)
      .filter(([key]) => Number(key.split(':')[0]) === (RouteParamtypes.QUERY as number))
      .map(([, v]) => v.data);
    const shape: QueryShape = queries.some((d) => d === undefined)
      ? { dto: true }
      : { dto: false, names: new Set(queries.map(String)) };
    this.shapes.set(handler, shape);
    return shape;
  }
}
