import { useEffect, useRef, useState } from 'preact/hooks';
import { toErrorData, type ErrorData } from '../../../src/errors/index.ts';
import type { Entry, Member, Person, PortalId } from '../../../src/protocol/index.ts';
import type { Connector } from '../connector.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { SelectField } from '../components/SelectField.tsx';
import { ServerText } from '../components/ServerText.tsx';
import { Spinner } from '../components/Spinner.tsx';
import { usePlatform } from '../platform-context.ts';

const SEARCH_DEBOUNCE_MS = 250;

/**
 * Who has access to the entry, and giving it to people from the directory with the access the portal allows
 * for that person on this kind of room (the levels come from the background, per person).
 */
export function PeopleDialog(props: { portalId: PortalId; entry: Entry; connector: Connector; onClose(): void }) {
  const { t } = usePlatform();
  const ref = { kind: props.entry.kind, id: props.entry.id };
  const [members, setMembers] = useState<Member[] | null>(null);
  const [query, setQuery] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [chosen, setChosen] = useState<Record<string, number>>({});
  const [error, setError] = useState<ErrorData | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();

  useEffect(() => {
    props.connector.send('entryMembers', { portalId: props.portalId, entry: ref }).then(
      ({ members: list }) => setMembers(list),
      (err: unknown) => setError(toErrorData(err)),
    );
  }, [props.entry.id]);

  const search = (text: string) => {
    setQuery(text);
    clearTimeout(searchTimer.current);
    if (text.trim().length < 2) {
      setPeople([]);
      return;
    }
    searchTimer.current = setTimeout(() => {
      props.connector.send('findPeople', { portalId: props.portalId, entry: ref, query: text }).then(
        ({ people: found }) => setPeople(found),
        (err: unknown) => setError(toErrorData(err)),
      );
    }, SEARCH_DEBOUNCE_MS);
  };

  const share = async (personId: string, access: number) => {
    setBusy(personId);
    setError(null);
    try {
      const { members: now } = await props.connector.send('shareWithPeople', {
        portalId: props.portalId,
        entry: ref,
        invitations: [{ personId, access }],
      });
      setMembers(now);
      setPeople((list) => list.map((p) => (p.id === personId ? { ...p, shared: access !== 0 } : p)));
    } catch (err) {
      setError(toErrorData(err));
    } finally {
      setBusy(null);
    }
  };

  const memberIds = new Set((members ?? []).map((m) => m.id));
  return (
    <Dialog title={t('peopleTitle')} onClose={props.onClose}>
      <p class="muted">
        <ServerText text={props.entry.title} />
      </p>
      {error && <ErrorNotice error={error} />}
      <section aria-labelledby="members-heading">
        <h3 id="members-heading" class="dialog-subtitle">
          {t('peopleWithAccess')}
        </h3>
        {members === null && !error && <Spinner />}
        <ul class="people-list" data-testid="members">
          {(members ?? []).map((member) => (
            <li key={member.id} class="person">
              <span class="person-name">
                <ServerText text={member.name} />
                {member.owner && <span class="muted"> · {t('owner')}</span>}
              </span>
              <span class="person-access">{t(`access_${member.access}`)}</span>
            </li>
          ))}
        </ul>
      </section>
      <label class="field">
        <span>{t('findPeople')}</span>
        <input
          type="search"
          value={query}
          maxLength={100}
          autofocus
          placeholder={t('findPeopleHint')}
          onInput={(event) => search(event.currentTarget.value)}
        />
      </label>
      <ul class="people-list" data-testid="people" aria-live="polite">
        {people.map((person) => {
          const access = chosen[person.id] ?? person.defaultAccess ?? 0;
          const added = person.shared || memberIds.has(person.id);
          return (
            <li key={person.id} class="person">
              <span class="person-name">
                <ServerText text={person.name} />
                <span class="muted">
                  {' '}
                  · <ServerText text={person.email} />
                </span>
              </span>
              {person.levels.length === 0 ? (
                <span class="muted">{t('cannotBeAdded')}</span>
              ) : added ? (
                <span class="muted">{t('hasAccess')}</span>
              ) : (
                <span class="person-actions">
                  <SelectField
                    class="inline-field"
                    labelClass="visually-hidden"
                    label={t('accessFor', person.name)}
                    value={String(access)}
                    onChange={(value) => setChosen({ ...chosen, [person.id]: Number(value) })}
                  >
                    {person.levels.map((level) => (
                      <option key={level} value={String(level)}>
                        {t(`access_${level}`)}
                      </option>
                    ))}
                  </SelectField>
                  <button
                    type="button"
                    class="button small"
                    disabled={busy !== null}
                    aria-label={t('addPerson', person.name)}
                    onClick={() => void share(person.id, access)}
                  >
                    {t('add')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
        {query.trim().length >= 2 && people.length === 0 && <li class="muted">{t('noPeopleFound')}</li>}
      </ul>
      <div class="form-actions">
        <button type="button" class="button" onClick={props.onClose}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
