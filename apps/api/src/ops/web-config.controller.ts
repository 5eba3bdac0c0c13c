import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/access.decorators';
import { SETTINGS, Settings } from '../config/settings';
import { EnumProp, NestedProp, TextProp } from '../http/response-fields';

export class OidcSignInResponse {
  @TextProp({ description: 'AUTH_ISSUER: the OpenID Connect issuer (its /.well-known/openid-configuration is read)' }) issuer!: string;
  @TextProp({ description: 'AUTH_WEB_CLIENT_ID: the web app’s public client id' }) clientId!: string;
  @TextProp({ example: 'openid profile' }) scope!: string;
}

export class WebConfigResponse {
  @EnumProp(['development', 'oidc'], { description: '`oidc` with AUTH_JWKS_URL and AUTH_WEB_CLIENT_ID set; else the development sign-in (a token the server issued)' })
  signIn!: 'development' | 'oidc';
  @NestedProp(() => OidcSignInResponse, { nullable: true }) oidc!: OidcSignInResponse | null;
}

/** What the web app needs to know before anyone signs in: how to sign in. Nothing secret. */
@ApiTags('ops')
@Controller()
export class WebConfigController {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  @Get('web-config')
  @Public()
  @ApiOperation({ operationId: 'getWebConfig', summary: 'How the web app signs in: development sign-in, or OpenID Connect (code + PKCE) at AUTH_ISSUER' })
  @ApiResponse({ status: 200, type: WebConfigResponse })
  webConfig(): WebConfigResponse {
    const { jwksUrl, issuer, webClientId } = this.settings.auth;
    if (!jwksUrl || !issuer || !webClientId) return { signIn: 'development', oidc: null };
    return { signIn: 'oidc', oidc: { issuer, clientId: webClientId, scope: 'openid profile' } };
  }
}
