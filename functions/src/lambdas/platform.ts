import { dispatch } from '../platform/dispatch';
import { handler as notFound } from '../handlers/fallback/notFound';
import { handler as health } from '../handlers/health/get';
import { handler as me } from '../handlers/me/get';

export const handler = dispatch('platform', { 'health.get': health, 'me.get': me, 'fallback.notFound': notFound });
