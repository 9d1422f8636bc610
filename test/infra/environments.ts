/**
 * The environment CloudFormation would give each portal function: the synthesised template's
 * variables with every reference replaced by a value of the shape CloudFormation would put there
 * (ARNs for secrets, names for tables, ids for user pools and app clients…). Each resource gets its
 * own stand-in, so two user pools never look like one.
 */
import { FUNCTION_TAG, JOB_TAG } from '../../infra/lib/functions';
import { ofType, resourcesOf, type Synthesised } from './synth';

export const REGION = 'ap-southeast-1';
export const ACCOUNT = '123456789012';

export type Env = Record<string, string>;

/** Nine characters from a logical id: a stand-in that differs between resources. */
const suffixOf = (id: string, length: number) => id.replace(/[^A-Za-z0-9]/g, '').slice(-length).padStart(length, 'x');

/** The environment of every portal function, by FUNCTIONS key or `job:<id>`, as CloudFormation would resolve it. */
export function functionEnvironments(synth: Synthesised): Map<string, Env> {
  const resources = resourcesOf(synth.portalTemplate);
  const arn = (service: string, resource: string) => `arn:aws:${service}:${REGION}:${ACCOUNT}:${resource}`;
  /** What `Ref` returns for a resource of each type this stack passes to functions. */
  const ref = (id: string): string => {
    if (id === 'AWS::Region') return REGION;
    if (id === 'AWS::AccountId') return ACCOUNT;
    if (id === 'AWS::Partition') return 'aws';
    if (id === 'AWS::URLSuffix') return 'amazonaws.com';
    const type = resources[id]?.Type;
    switch (type) {
      case 'AWS::SecretsManager::Secret':
        return arn('secretsmanager', `secret:${id}-AbC123`);
      case 'AWS::DynamoDB::GlobalTable':
      case 'AWS::DynamoDB::Table':
        return `Portal-${id}-1A2B3C4D5E6F`;
      case 'AWS::Cognito::UserPool':
        return `${REGION}_${suffixOf(id, 9)}`;
      case 'AWS::Cognito::UserPoolClient':
        return `1example${suffixOf(id, 18)}`.toLowerCase();
      case 'AWS::S3::Bucket':
        // CloudFormation's generated names: stack and logical id, lower case, random suffix.
        return `portal-${id.toLowerCase()}`.slice(0, 50) + '-1a2b3c4d5e6f';
      default:
        throw new Error(`No stand-in for Ref of ${id} (${String(type)}): add one so the guard stays honest`);
    }
  };
  const resolve = (value: unknown): string => {
    if (typeof value === 'string') return value;
    const intrinsic = value as Record<string, unknown>;
    if (typeof intrinsic.Ref === 'string') return ref(intrinsic.Ref);
    if (Array.isArray(intrinsic['Fn::Join'])) {
      const [separator, parts] = intrinsic['Fn::Join'] as [string, unknown[]];
      return parts.map(resolve).join(separator);
    }
    if (Array.isArray(intrinsic['Fn::GetAtt'])) {
      const [id, attribute] = intrinsic['Fn::GetAtt'] as [string, string];
      if (attribute === 'Arn') return arn(String(resources[id]?.Type).split('::')[1]?.toLowerCase() ?? 'x', id);
      throw new Error(`No stand-in for Fn::GetAtt ${id}.${attribute}`);
    }
    throw new Error(`No stand-in for ${JSON.stringify(value)}`);
  };

  const environments = new Map<string, Env>();
  for (const [, props] of ofType(synth.portalTemplate, 'AWS::Lambda::Function')) {
    const tag = ((props.Tags ?? []) as { Key: string; Value: string }[]).find((t) => t.Key === FUNCTION_TAG || t.Key === JOB_TAG);
    if (!tag) continue;
    // A job may share its name with an HTTP function (`receipts`): jobs are keyed `job:<id>`.
    const name = tag.Key === JOB_TAG ? `job:${tag.Value}` : tag.Value;
    if (environments.has(name)) throw new Error(`Two portal functions named ${name}`);
    const variables = (props.Environment as { Variables: Record<string, unknown> }).Variables;
    environments.set(name, Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, resolve(v)])));
  }
  return environments;
}
