import { makeStyles, tokens } from '@fluentui/react-components';

/** Wide enough for the files and the sheet side by side; below it, one column (a phone at 360 px). */
export const WIDE = '@media (min-width: 1000px)';

/**
 * The page's layout: one column on a phone, files and findings beside the sheet on a desktop.
 * Nothing has a fixed width but the sheet's columns, which scroll inside their own box.
 */
export const usePageStyles = makeStyles({
  page: {
    boxSizing: 'border-box',
    maxWidth: '1400px',
    margin: '0 auto',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  headerTitles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  headerActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hiddenInput: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground2 },
  srOnly: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});
