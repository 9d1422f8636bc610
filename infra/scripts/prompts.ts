/**
 * Questions on the operator's terminal for `npm run setup:secrets`. Secret answers are read with
 * the terminal in raw mode and nothing echoed (not even asterisks: their count would give the
 * length away), so a value never reaches the screen, the scrollback or a screen recording.
 */
import { createInterface } from 'node:readline/promises';

export interface Prompter {
  /** A visible answer (issuer ids, the TMN code, yes/no). */
  ask(question: string): Promise<string>;
  /** An answer that is never shown. */
  askHidden(question: string): Promise<string>;
  close(): void;
}

export class PromptAborted extends Error {
  override readonly name = 'PromptAborted';
  constructor() {
    super('Đã hủy (cancelled)');
  }
}

/** Prompts on this process's terminal; undefined when stdin is not a terminal (CI, a pipe). */
export function terminalPrompter(input: NodeJS.ReadStream = process.stdin, output: NodeJS.WriteStream = process.stdout): Prompter | undefined {
  if (!input.isTTY) return undefined;
  return {
    async ask(question) {
      const rl = createInterface({ input, output, terminal: true });
      try {
        return (await rl.question(question)).trim();
      } finally {
        rl.close();
      }
    },
    askHidden(question) {
      output.write(question);
      return new Promise<string>((resolve, reject) => {
        let answer = '';
        const done = (error?: Error) => {
          input.off('data', onData);
          input.setRawMode(false);
          input.pause();
          output.write('\n');
          if (error) reject(error);
          else resolve(answer);
        };
        const onData = (chunk: Buffer) => {
          for (const char of chunk.toString('utf8')) {
            if (char === '\r' || char === '\n') return done();
            if (char === '\u0003' || char === '\u0004') return done(new PromptAborted());
            if (char === '\u007f' || char === '\b') answer = answer.slice(0, -1);
            else if (char >= ' ') answer += char;
          }
        };
        input.setRawMode(true);
        input.resume();
        input.on('data', onData);
      });
    },
    close() {
      input.pause();
    },
  };
}
