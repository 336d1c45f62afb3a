/** cli-table3 options for borderless, two-space separated columns: the look of every hardeks terminal table. */
export const PLAIN_TABLE = {
  chars: {
    top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
    left: '  ', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  ',
  },
  style: { head: [] as string[], border: [] as string[], compact: true, 'padding-left': 0, 'padding-right': 0 },
};
