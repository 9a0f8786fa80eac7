import * as React from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { splitSheetAddress } from '@returns-hub/shared/sheet/address';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    justifyContent: 'flex-start',
    alignItems: 'baseline',
    textAlign: 'left',
    width: '100%',
    minWidth: 0,
    height: 'auto',
    fontWeight: tokens.fontWeightRegular,
  },
  cell: { flexShrink: 0, fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold },
  mark: { flexShrink: 0, width: '10px', height: '10px', borderRadius: '2px', alignSelf: 'center' },
  framed: { border: '1px solid #999' },
  // Two lines at most, for rows of a fixed height in a long list.
  clamp: { display: '-webkit-box', WebkitLineClamp: '2', WebkitBoxOrient: 'vertical', overflow: 'hidden' },
});

/**
 * One line about a cell (a finding of Check, a reviewer's comment): its colour as in the
 * sheet (none for a note), the cell, the text; a click selects the cell.
 */
export function FindingRow({ cell, text, colour, onSelect, tabIndex, lines }: { cell: string; text: string; colour: string | null; onSelect?: () => void; tabIndex?: number; lines?: 2 }) {
  const s = useStyles();
  return (
    <Button appearance="subtle" className={s.item} onClick={onSelect} data-cell={cell} tabIndex={tabIndex} title={lines ? text : undefined}>
      <span className={mergeClasses(s.mark, colour !== null && s.framed)} style={colour ? { backgroundColor: colour } : undefined} />
      <span className={s.cell}>{splitSheetAddress(cell).cell || '—'}</span>
      <span className={lines ? s.clamp : undefined}>{text}</span>
    </Button>
  );
}
