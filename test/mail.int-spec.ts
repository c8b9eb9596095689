import { MailService, type RuntimeConfig } from '@docket/core';
import { TestSmtpServer } from '@docket/testing';

function mailer(smtpUrl: string): MailService {
  return new MailService({ smtpUrl, mailFrom: 'Docket <docket@test.local>' } as RuntimeConfig);
}

describe('MailService over real SMTP', () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await new TestSmtpServer().start();
  });
  afterAll(() => smtp.stop());

  it('delivers a plain-text email with its subject, sender and message id', async () => {
    const mail = mailer(smtp.url);
    await mail.send({
      to: 'owner@example.com',
      subject: '[KOR-3] Due in 1 day: Expand energy trade – US–ROK',
      text: 'Deadline: 2026-12-01\nState: In progress',
      messageId: '<delivery-1@docket>',
    });
    const email = await smtp.waitFor((e) => e.messageId === '<delivery-1@docket>');
    expect(email).toMatchObject({
      from: 'docket@test.local',
      to: ['owner@example.com'],
      subject: '[KOR-3] Due in 1 day: Expand energy trade – US–ROK',
    });
    expect(email.text).toContain('State: In progress');
    mail.onApplicationShutdown();
  });

  it('rejects while the server refuses mail, so that the job retries', async () => {
    const mail = mailer(smtp.url);
    smtp.refuse();
    try {
      await expect(
        mail.send({ to: 'a@example.com', subject: 's', text: 't', messageId: '<delivery-2@docket>' }),
      ).rejects.toThrow(/451/);
    } finally {
      smtp.accept();
      mail.onApplicationShutdown();
    }
    expect(smtp.received.some((e) => e.messageId === '<delivery-2@docket>')).toBe(false);
  });
});
