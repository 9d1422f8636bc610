/**
 * The portal's one DynamoDB table, built from the shared definition (shared/src/table.ts) that the
 * local stack and the tests also use, so key names, GSIs, TTL and stream cannot drift apart.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, Billing, StreamViewType, TableEncryptionV2, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { table as design } from '@portal/shared/table';

export class DataTable extends Construct {
  readonly table: TableV2;
  /** Customer-managed key: lets us audit and revoke access to personal data in CloudTrail. */
  readonly key: Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'Portal table: dossiers, bookings, payments, audit log',
      enableKeyRotation: true,
      // Losing the key loses the data; a table restore also needs it.
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const key = (name: string) => ({ name, type: AttributeType.STRING });
    this.table = new TableV2(this, 'Table', {
      partitionKey: key(design.partitionKey),
      sortKey: key(design.sortKey),
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
      encryption: TableEncryptionV2.customerManagedKey(this.key),
      timeToLiveAttribute: design.ttlAttribute,
      // The outbox (notifications, receipts, HIS callbacks) is read from the stream.
      dynamoStream: StreamViewType[design.stream],
      globalSecondaryIndexes: Object.entries(design.indexes).map(([indexName, k]) => ({
        indexName,
        partitionKey: key(k.partitionKey),
        sortKey: key(k.sortKey),
      })),
    });
  }
}
