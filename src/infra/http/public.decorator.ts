import { SetMetadata } from '@nestjs/common';

export const ACCESS_KEY = 'govinfo:access';

/**
 * Declares that a route is open to anonymous callers. Every route declares its access
 * (this or a permission); a test walks the route table to enforce that.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_KEY, 'public');
