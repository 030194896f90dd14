import '@/lib/zod-jitless';
import { render } from 'preact';
import { DistrictPage } from '@/components/district/DistrictPage';
import { getDb } from '@/lib/db/database';

render(<DistrictPage db={getDb()} />, document.getElementById('app')!);
