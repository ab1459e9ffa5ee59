import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { ACCESS_KEY } from '../../src/infra/http/public.decorator';

export interface RouteInfo {
  /** e.g. `GET /api/v1/agencies/:code` */
  key: string;
  access: string | undefined;
  handler: string;
}

const join = (...parts: string[]) =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every HTTP route of the booted app, read from the controllers' metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const routes: RouteInfo[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const base =
      (Reflect.getMetadata(PATH_METADATA, metatype) as string | string[] | undefined) ?? '';
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(proto)) {
      const fn = proto[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, fn) as string | string[] | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, fn) as number];
      const declared = (Reflect.getMetadata(ACCESS_KEY, fn) ??
        Reflect.getMetadata(ACCESS_KEY, metatype)) as string | string[] | undefined;
      const access = declared === undefined ? undefined : [declared].flat().join('|');
      for (const b of [base].flat()) {
        for (const p of [path].flat())
          routes.push({
            key: `${method} ${join(b, p)}`,
            access,
            handler: `${metatype.name}.${name}`,
          });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
