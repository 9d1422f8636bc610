/**
 * "Who read my data" demo (ADR 0025): officers open demo citizen Nguyễn Văn An's dossiers, written by
 * the same audited read (`auditRead` of `dossier.read` on `dossierTarget`) the dossier service writes (the service
 * itself reads the configuration at load, which the seed runs before), so the entries and their
 * subject index are exactly what a real read writes and the page is not empty on `npm start`.
 * Once: skipped when An already has entries.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from '@portal/shared/table';
import { auditRead, dossierTarget } from '../repositories/audit';
import { getDossier } from '../repositories/dossiers';
import { demoDossierId } from './demo-dossiers';
import { demoPrincipal } from './demo-users';

export const DEMO_SUBJECT = 'citizen-an';

/** Who opens which of An's dossiers (numbers of demo-dossiers.ts), in this order. */
const DEMO_READS: { officer: string; dossier: number }[] = [
  { officer: 'officer-lan', dossier: 2 },
  { officer: 'officer-tuan', dossier: 5 },
  { officer: 'officer-thao', dossier: 2 },
];

export async function seedDataAccess(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const index = keys.subjectAudit(DEMO_SUBJECT);
  const { Count } = await db.send(new QueryCommand({
    TableName: tableName, IndexName: 'byOwner', Limit: 1, Select: 'COUNT',
    KeyConditionExpression: 'ownerPk = :o AND begins_with(ownerSk, :p)', ExpressionAttributeValues: { ':o': index.ownerPk, ':p': index.ownerSkPrefix },
  }));
  if (Count) return 0;
  const deps = { db, tableName };
  let written = 0;
  for (const read of DEMO_READS) {
    const dossier = await getDossier(deps, demoDossierId(read.dossier));
    if (!dossier) continue;
    await auditRead(deps, { principal: demoPrincipal(read.officer), requestId: 'seed', now: new Date() }, 'dossier.read', dossierTarget(dossier));
    written++;
  }
  return written;
}
