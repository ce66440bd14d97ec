import { Button, Indicator, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

/** A list's search box: typed text is applied after a pause; a search changed elsewhere (Clear all, a link) is shown. */
export function SearchInput(props: { label: string; placeholder: string; width: number; value: string; onSearch: (search: string) => void }) {
  const [text, setText] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    setShown(props.value);
    if (props.value !== text.trim()) setText(props.value);
  }
  const apply = useDebouncedCallback(props.onSearch, 300);
  return (
    <TextInput
      aria-label={props.label}
      placeholder={props.placeholder}
      leftSection={<IconSearch size={16} />}
      w={props.width}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        apply(e.currentTarget.value);
      }}
    />
  );
}

/** Opens a list's filters drawer; the badge counts the filters set in it. */
export function FiltersButton({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    <Indicator label={count} size={18} disabled={count === 0}>
      <Button variant="default" leftSection={<IconAdjustmentsHorizontal size={18} />} onClick={onClick}>
        Filters
      </Button>
    </Indicator>
  );
}
