import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ID_PROOF_TYPES } from '../domain/identity';

/** The identity document's type (Art 29 身份证明), one definition for every DTO that takes it. */
export const IdTypeField = () =>
  applyDecorators(
    ApiPropertyOptional({
      enum: ID_PROOF_TYPES,
      description:
        'Identity document (Art 29): default resident_id for np, uscc for organisations; it must fit the category',
    }),
    IsOptional(),
    IsIn(ID_PROOF_TYPES),
  );

/** The identity document's number; its format is checked against the type by the domain rule. */
export const IdNumberField = () =>
  applyDecorators(
    ApiProperty({
      example: '11010519491231002X',
      description: 'The document number (resident ID, USCC, passport, permit …)',
    }),
    IsString(),
    Length(5, 30),
  );
