import { dispatch } from '../platform/dispatch';
import { handler as calendarGet } from '../handlers/calendar/get';
import { handler as publicDossier } from '../handlers/public/dossiers/get';
import { handler as publicLicence } from '../handlers/public/licences/get';

export const handler = dispatch('dossiersPublic', { 'public.dossiers.get': publicDossier, 'calendar.get': calendarGet, 'public.licences.get': publicLicence });
