import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  Length,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsAgencyCode } from '../../agencies/dto/agency-code.validator';
import { STAFF_ROLES, type StaffRole } from '../../access/domain/roles';

/** A role in an agency. */
export class RoleGrantDto {
  @ApiProperty({ example: 'DQ-GA' })
  @IsAgencyCode()
  agencyCode: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsIn(STAFF_ROLES)
  role: StaffRole;
}

/** Body of POST /api/v1/users: a staff account, invited by e-mail to set a password. */
export class CreateStaffDto {
  @ApiProperty({ example: 'li.si@daqing.gov.cn' })
  @IsEmail()
  @MaxLength(200)
  email: string;

  @ApiProperty({ example: '李四' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ type: RoleGrantDto, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  roles: RoleGrantDto[];
}
