/**
 * AMQP topic matching: words are separated by dots, `*` matches exactly one word and `#` zero or more, so a
 * binding means the same on the in-process broker as on RabbitMQ.
 */
export function topicMatcher(pattern: string): (routingKey: string) => boolean {
  const expected = pattern.split('.');
  return (routingKey) => matches(expected, 0, routingKey.split('.'), 0);
}

function matches(pattern: readonly string[], p: number, words: readonly string[], w: number): boolean {
  if (p === pattern.length) return w === words.length;
  const part = pattern[p];
  if (part === '#') {
    for (let skip = w; skip <= words.length; skip++) if (matches(pattern, p + 1, words, skip)) return true;
    return false;
  }
  if (w === words.length) return false;
  return (part === '*' || part === words[w]) && matches(pattern, p + 1, words, w + 1);
}
