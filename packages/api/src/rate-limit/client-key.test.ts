import { describe, expect, it } from 'vitest';
import { clientAddressKey } from './client-key.ts';

describe('clientAddressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    [undefined, 'unknown'],
    ['not an address', 'unknown'],
  ])('%s → %s', (ip, key) => {
    expect(clientAddressKey(ip)).toBe(key);
  });

  it('counts two addresses of one IPv6 /64 as one client, and of two /64s as two', () => {
    expect(clientAddressKey('2001:db8:5:6::a')).toBe(clientAddressKey('2001:db8:5:6:ffff::b'));
    expect(clientAddressKey('2001:db8:5:6::a')).not.toBe(clientAddressKey('2001:db8:5:7::a'));
  });
});
