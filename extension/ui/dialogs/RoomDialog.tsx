import { SelectField } from '../components/SelectField.tsx';
import { useState } from 'preact/hooks';
import { Dialog } from '../components/Dialog.tsx';
import { usePlatform } from '../platform-context.ts';
import { FieldError } from './FieldError.tsx';
import { useSubmit } from './use-submit.ts';

const ROOM_TYPES = [2, 1, 5, 6, 8] as const;
/** A few of the colours DocSpace offers for room tiles. */
const COLORS = ['2f6fed', '2e7d32', '6d4c9f', 'b3531c', 'c02525', '00736a', '37474f'] as const;

export interface RoomForm {
  title: string;
  roomType: (typeof ROOM_TYPES)[number];
  color: string;
  tags: string[];
}

/** A new room: its name, its type (what it is for), its colour and tags. */
export function RoomDialog(props: { onSubmit(room: RoomForm): Promise<void>; onClose(): void }) {
  const { t } = usePlatform();
  const [title, setTitle] = useState('');
  const [roomType, setRoomType] = useState<RoomForm['roomType']>(2);
  const [color, setColor] = useState<string>(COLORS[0]);
  const [tags, setTags] = useState('');
  const { busy, error, run } = useSubmit();
  return (
    <Dialog title={t('newRoom')} onClose={props.onClose}>
      <form
        class="dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void run(() =>
            props.onSubmit({
              title,
              roomType,
              color,
              tags: tags
                .split(',')
                .map((tag) => tag.trim())
                .filter(Boolean),
            }),
          );
        }}
      >
        <label class="field">
          <span>{t('roomNameLabel')}</span>
          <input
            name="title"
            value={title}
            maxLength={170}
            autofocus
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? 'room-error' : undefined}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
        </label>
        <SelectField
          label={t('roomTypeLabel')}
          value={String(roomType)}
          onChange={(value) => setRoomType(Number(value) as RoomForm['roomType'])}
        >
          {ROOM_TYPES.map((type) => (
            <option key={type} value={String(type)}>
              {t(`roomType_${type}`)}
            </option>
          ))}
        </SelectField>
        <fieldset class="swatches">
          <legend>{t('roomColorLabel')}</legend>
          {COLORS.map((c) => (
            <label key={c} class="swatch" style={{ background: `#${c}` }}>
              <input type="radio" name="color" value={c} checked={color === c} onChange={() => setColor(c)} />
              <span class="visually-hidden">{t('roomColor', `#${c}`)}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>{t('roomTagsLabel')}</span>
          <input
            name="tags"
            value={tags}
            placeholder={t('roomTagsPlaceholder')}
            onInput={(e) => setTags(e.currentTarget.value)}
          />
        </label>
        <FieldError id="room-error" error={error} />
        <div class="form-actions">
          <button type="submit" class="button button-primary" disabled={busy || title.trim() === ''}>
            {t('create')}
          </button>
          <button type="button" class="button" onClick={props.onClose}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
