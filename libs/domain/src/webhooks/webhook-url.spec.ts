import { DomainError } from '../errors';
import { parseWebhookInput } from './webhook-input';
import { isPrivateNetworkAddress, parseWebhookUrl } from './webhook-url';

function errorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}

describe('parseWebhookUrl', () => {
  it('accepts http and https, normalised, and gives the host to resolve', () => {
    expect(parseWebhookUrl(' https://hooks.example.com/docket?x=1 ', 'input.url')).toEqual({
      href: 'https://hooks.example.com/docket?x=1',
      host: 'hooks.example.com',
    });
    expect(parseWebhookUrl('http://[::1]:8080/', 'input.url').host).toBe('::1');
    // Numeric forms are read as the address they spell.
    expect(parseWebhookUrl('http://2130706433/', 'input.url').host).toBe('127.0.0.1');
  });

  it.each([
    'ftp://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
    'https://user:pw@example.com/',
  ])('refuses %s naming the field', (url) => {
    expect(errorOf(() => parseWebhookUrl(url, 'input.url'))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.url',
    });
  });

  it('refuses a URL over 2000 characters', () => {
    expect(errorOf(() => parseWebhookUrl(`https://example.com/${'a'.repeat(2000)}`, 'input.url')).field).toBe(
      'input.url',
    );
  });
});

describe('isPrivateNetworkAddress', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '0.0.0.0',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:7f00:1::',
    'not an address',
    '1.2.3',
    '1:2:3',
  ])('refuses %s', (address) => {
    expect(isPrivateNetworkAddress(address)).toBe(true);
  });

  it.each([
    '93.184.216.34',
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '169.253.0.1',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
  ])('allows the public %s', (address) => {
    expect(isPrivateNetworkAddress(address)).toBe(false);
  });
});

describe('parseWebhookInput', () => {
  const valid = { url: 'https://example.com/hook', events: ['STATE_CHANGED', 'REMINDER'], secret: 's3cret-value' };

  it("keeps each event once, in the contract's order", () => {
    expect(parseWebhookInput({ ...valid, events: ['REMINDER', 'STATE_CHANGED', 'REMINDER'] }).events).toEqual([
      'STATE_CHANGED',
      'REMINDER',
    ]);
  });

  it.each([
    [{ events: [] }, 'input.events'],
    [{ events: ['NOPE'] }, 'input.events'],
    [{ secret: 'short' }, 'input.secret'],
    [{ secret: 'x'.repeat(201) }, 'input.secret'],
    [{ url: 'ftp://example.com' }, 'input.url'],
  ])('refuses %j naming %s', (change, field) => {
    expect(errorOf(() => parseWebhookInput({ ...valid, ...change }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
  });

  it('accepts secrets of 8 and of 200 characters', () => {
    expect(parseWebhookInput({ ...valid, secret: 'x'.repeat(8) }).secret).toHaveLength(8);
    expect(parseWebhookInput({ ...valid, secret: 'x'.repeat(200) }).secret).toHaveLength(200);
  });
});
