import '@/lib/zod-jitless';
import { render } from 'preact';
import { SitesSettings } from '@/components/SitesSettings';
import { ProfilesSettings } from '@/components/ProfilesSettings';
import { PrivacySettings } from '@/components/district/PrivacySettings';
import { AccessLogSettings } from '@/components/AccessLogSettings';
import { BackupSettings } from '@/components/BackupSettings';
import { getDb } from '@/lib/db/database';
import { readManagedPolicy } from '@/lib/teach/store';

const required = browser.runtime.getManifest().host_permissions ?? [];
const policy = () => readManagedPolicy(browser.storage.managed as never);

render(
  <>
    <h1>Liaison settings</h1>
    <SitesSettings
      permissions={browser.permissions as never}
      required={required}
      loadDistrictSites={async () => (await policy()).enabledSites ?? []}
    />
    <ProfilesSettings db={getDb()} loadPolicy={() => readManagedPolicy(browser.storage.managed as never)} />
    <PrivacySettings
      db={getDb()}
      loadPolicyDays={async () => (await readManagedPolicy(browser.storage.managed as never)).retentionDays}
    />
    <BackupSettings
      db={getDb()}
      notesAllowed={async () =>
        (await readManagedPolicy(browser.storage.managed as never)).notesExportAllowed !== false
      }
    />
    <AccessLogSettings db={getDb()} />
  </>,
  document.getElementById('app')!,
);
