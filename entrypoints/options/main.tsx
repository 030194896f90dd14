import { render } from 'preact';
import { SitesSettings } from '@/components/SitesSettings';

const required = browser.runtime.getManifest().host_permissions ?? [];

render(
  <>
    <h1>Liaison settings</h1>
    <SitesSettings permissions={browser.permissions as never} required={required} />
  </>,
  document.getElementById('app')!,
);
