import { t, type Lang } from '../i18n/strings';
import { COLORS } from '../map/style';

/** Legend of what the map shows when no indicator is chosen: Circle membership and the zones. */
export function MembershipLegend({ lang, zones }: { lang: Lang; zones: boolean }) {
  return (
    <div class="legend" aria-label={t(lang, 'legend_circle')}>
      <ul>
        <li>
          <span class="swatch" style={{ background: COLORS.membershipFull }} />
          {t(lang, 'membership_full')}
        </li>
        <li>
          <span class="swatch hatched" style={{ background: COLORS.membershipPartial }} />
          {t(lang, 'legend_partial')}
        </li>
        <li>
          <span class="swatch" style={{ background: COLORS.outside }} />
          {t(lang, 'legend_outside')}
        </li>
        <li>
          <span class="swatch line" style={{ borderColor: COLORS.circleLine }} />
          {t(lang, 'legend_circle')}
        </li>
        {zones && (
          <li>
            <span class="swatch zone" style={{ borderColor: COLORS.zone }} />
            {t(lang, 'legend_zone')}
          </li>
        )}
      </ul>
    </div>
  );
}
