// Types of the client catalog's virtual modules (served by ./client-catalog-plugin.ts).
declare module 'virtual:rigbook/client-catalog' {
  const core: import('../lib/state/client-catalog.ts').CompactCore;
  export default core;
}
declare module 'virtual:rigbook/client-catalog-extra' {
  const extra: import('../lib/state/client-catalog.ts').CompactExtra;
  export default extra;
}
