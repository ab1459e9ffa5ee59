import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ApplicantCategory } from './domain/applicant';

export class RoleView {
  @ApiProperty() agencyCode: string;
  @ApiProperty() agencyName: string;
  @ApiProperty() role: string;
}

export class ApplicantProfileView {
  @ApiProperty() category: ApplicantCategory;
  @ApiProperty() name: string;
  @ApiProperty() idType: string;
  @ApiProperty({ description: 'Masked (110105********1234) unless you are the person' })
  idNumber: string;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Masked (138****5678) unless you are the person',
  })
  phone: string | null;
  @ApiPropertyOptional({ nullable: true }) address: string | null;
  @ApiPropertyOptional({ nullable: true }) postcode: string | null;
  @ApiProperty() masked: boolean;
}

export class UserView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['applicant', 'staff'] }) kind: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty() emailVerified: boolean;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: RoleView, isArray: true }) roles: RoleView[];
  @ApiPropertyOptional({ type: ApplicantProfileView, nullable: true })
  applicant: ApplicantProfileView | null;
}
