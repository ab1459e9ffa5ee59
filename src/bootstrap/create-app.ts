import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from '../app.module';
import type { AppConfig } from '../infra/config/app-config';
import { useJsonBody } from '../infra/http/input/json-body';
import { createValidationPipe } from '../infra/http/validation.pipe';
import { PORTAL_DIR } from '../modules/portal/page-renderer';

/** Builds the configured Nest application for a role (used by main.ts and the e2e tests). */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRole(config), {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  useJsonBody(app, config.http.bodyLimit);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  app.use(cookieParser());
  app.useStaticAssets(join(PORTAL_DIR, 'assets'), { prefix: '/assets/', maxAge: '1h' });
  app.useGlobalPipes(createValidationPipe());
  if (config.role !== 'worker') {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('govinfo API')
        .setDescription(
          '政府信息公开申请办理系统接口 · API of the case-tracking engine for government information requests (OGI Regulations). Errors are RFC 9457 problem details.',
        )
        .setVersion('1')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document);
  }
  return app;
}
