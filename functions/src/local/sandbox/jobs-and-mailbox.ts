/**
 * `/sandbox/jobs/<id>` runs a job now (POST, JSON event) — e.g. the payments sweep with `asOf`;
 * `/sandbox/mailbox` shows the SMS and e-mails the portal would have sent today. Local only.
 */
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { jobs, type JobId } from '@portal/shared/jobs';
import { keys } from '@portal/shared/table';
import { vietnamDate } from '@portal/shared/vietnamese';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { JobRunner } from '../job-runner';
import { send, sendJson, type ReadBody } from '../respond';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function jobsAndMailbox(runner: JobRunner | undefined, db: DynamoDBDocumentClient, tableName: string) {
  async function todaysMessages() {
    const { Items = [] } = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'byWorkQueue',
        KeyConditionExpression: 'queuePk = :q',
        ExpressionAttributeValues: { ':q': keys.messagesQueue(vietnamDate(new Date())).queuePk },
        ScanIndexForward: false,
        Limit: 200,
      }),
    );
    return Items.map(({ messageId, channel, to, text, event, createdAt, status }) => ({ messageId, channel, to, text, event, createdAt, status }));
  }

  return async (req: IncomingMessage, res: ServerResponse, url: URL, readBody: ReadBody): Promise<boolean> => {
    const job = /^\/sandbox\/jobs\/(\w+)$/.exec(url.pathname)?.[1];
    if (job && req.method === 'POST') {
      if (!runner || !jobs.some((j) => j.id === job)) {
        sendJson(res, 404, { error: 'unknown_job' });
        return true;
      }
      const raw = (await readBody()).toString('utf8');
      const result = await runner.runNow(job as JobId, raw ? (JSON.parse(raw) as unknown) : {});
      sendJson(res, 200, { job, result });
      return true;
    }
    if (url.pathname === '/sandbox/mailbox.json') {
      sendJson(res, 200, { messages: await todaysMessages() });
      return true;
    }
    if (url.pathname === '/sandbox/mailbox') {
      const rows = (await todaysMessages())
        .map((m) => `<tr><td>${escape(String(m.createdAt))}</td><td>${m.channel === 'sms' ? 'SMS' : 'E-mail'}</td><td>${escape(String(m.to))}</td><td>${escape(String(m.text))}</td></tr>`)
        .join('');
      send(res, 200, `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hộp thư thử nghiệm — Cổng dịch vụ y tế</title><link rel="stylesheet" href="/sandbox/assets/sandbox.css"></head><body><main id="main"><h1>Hộp thư thử nghiệm</h1><p class="note">Tin nhắn SMS và thư điện tử mà cổng sẽ gửi hôm nay (chỉ trên máy cục bộ).</p><table><caption>Tin nhắn hôm nay</caption><thead><tr><th scope="col">Thời điểm (UTC)</th><th scope="col">Kênh</th><th scope="col">Người nhận</th><th scope="col">Nội dung</th></tr></thead><tbody>${rows || '<tr><td colspan="4">Chưa có tin nhắn nào.</td></tr>'}</tbody></table></main></body></html>`, { 'content-type': 'text/html; charset=utf-8' });
      return true;
    }
    return false;
  };
}
