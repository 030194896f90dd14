import '@/lib/zod-jitless';
import { render } from 'preact';
import { SidePanel } from '@/components/SidePanel';
import { getDb } from '@/lib/db/database';

render(<SidePanel db={getDb()} />, document.getElementById('app')!);
