import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../access/access.decorator';
import { CurrentPrincipal } from '../access/current-principal.decorator';
import type { Principal } from '../access/domain/principal';
import { UserView } from './accounts.views';
import { UsersQueryService } from './users-query.service';

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  constructor(private readonly users: UsersQueryService) {}

  @Get()
  @RequirePermission('self.read')
  @ApiOperation({ summary: 'Your own account, roles and (applicants) unmasked personal data' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentPrincipal() p: Principal): Promise<UserView> {
    return this.users.me(p);
  }
}
