/**
 * CDK entry (`cdk.json`: `npx tsx infra/bin/app.ts`). cdk-nag AwsSolutions runs as a synth-time
 * validation, so `npm run synth` fails on any unacknowledged finding.
 */
import { buildPortalApp } from '../lib/portal-app';

const { app } = buildPortalApp({ nag: true });
app.synth();
