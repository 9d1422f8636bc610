import { dispatch } from '../platform/dispatch';
import { handler as notFound } from '../handlers/fallback/notFound';
import { handler as health } from '../handlers/health/get';
import { handler as me } from '../handlers/me/get';
import { handler as openapi } from '../handlers/openapi/get';

export const handler = dispatch('platform', { 'health.get': health, 'openapi.get': openapi, 'me.get': me, 'fallback.notFound': notFound });
