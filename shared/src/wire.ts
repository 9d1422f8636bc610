/** Wire shapes every API module shares (zod/mini): one definition, one description in the API document. */
import * as z from 'zod/mini';

/** An ISO-8601 instant in UTC, as every answer carries times. */
export const instant = z.string().check(z.describe('ISO-8601 instant (UTC)'));
