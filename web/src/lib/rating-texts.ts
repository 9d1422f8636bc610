/** Words of the rating form and the public counts (ADR 0026), Vietnamese first. */
import { SCORE_LABELS, type Score } from '@portal/shared/ratings/rules';
import type { Lang } from './i18n';

export const RATING_TEXT = {
  vi: {
    title: 'Đánh giá mức độ hài lòng',
    questionDossier: 'Bạn hài lòng thế nào với việc giải quyết hồ sơ này?',
    questionAppointment: 'Bạn hài lòng thế nào với lần khám này?',
    comment: 'Góp ý (không bắt buộc)',
    commentHint: 'Tối đa 500 ký tự. Chỉ bạn xem được góp ý của mình; cán bộ xử lý không biết ai đã đánh giá.',
    submit: 'Gửi đánh giá',
    update: 'Lưu đánh giá mới',
    sending: 'Đang gửi đánh giá…',
    chooseScore: 'Hãy chọn một mức hài lòng',
    sent: 'Cảm ơn bạn đã đánh giá.',
    done: (score: Score, until: string) => `Bạn đã đánh giá ${score}/5 — ${SCORE_LABELS[score].vi} — sửa được đến ${until}.`,
    locked: (score: Score) => `Bạn đã đánh giá ${score}/5 — ${SCORE_LABELS[score].vi}. Đánh giá đã khóa sau 7 ngày.`,
    yourComment: 'Góp ý của bạn:',
    summaryNone: 'Chưa có lượt đánh giá nào.',
    summaryMean: (mean: string, count: number) => `${mean}/5 điểm trung bình từ ${count} lượt đánh giá`,
    summaryRow: (n: number, share: number) => `${n} lượt (${share}%)`,
    summaryUnavailable: 'Chưa tải được kết quả đánh giá.',
    summaryCaption: 'Số lượt đánh giá theo từng mức',
    level: 'Mức',
    votes: 'Số lượt',
    hospitalLine: (mean: string, count: number) => `Người bệnh đánh giá mức độ hài lòng: ${mean}/5 (${count} lượt)`,
  },
  en: {
    title: 'Satisfaction rating',
    questionDossier: 'How satisfied are you with how this application was handled?',
    questionAppointment: 'How satisfied are you with this visit?',
    comment: 'Comments (optional)',
    commentHint: 'Up to 500 characters. Only you can see your comments; the officers do not know who rated.',
    submit: 'Send rating',
    update: 'Save the new rating',
    sending: 'Sending the rating…',
    chooseScore: 'Choose how satisfied you are',
    sent: 'Thank you for your rating.',
    done: (score: Score, until: string) => `You rated ${score}/5 — ${SCORE_LABELS[score].en} — you can change it until ${until}.`,
    locked: (score: Score) => `You rated ${score}/5 — ${SCORE_LABELS[score].en}. The rating was locked after 7 days.`,
    yourComment: 'Your comments:',
    summaryNone: 'No ratings yet.',
    summaryMean: (mean: string, count: number) => `${mean} out of 5 on average from ${count} ${count === 1 ? 'rating' : 'ratings'}`,
    summaryRow: (n: number, share: number) => `${n} (${share}%)`,
    summaryUnavailable: 'The ratings could not be loaded.',
    summaryCaption: 'Ratings at each level',
    level: 'Level',
    votes: 'Ratings',
    hospitalLine: (mean: string, count: number) => `Patients' satisfaction rating: ${mean} out of 5 (${count} ${count === 1 ? 'rating' : 'ratings'})`,
  },
} as const;

export const scoreLabel = (score: Score, lang: Lang): string => SCORE_LABELS[score][lang];
/** 4.3 → "4,3" in Vietnamese, "4.3" in English. */
export const formatMean = (mean: number, lang: Lang): string => (lang === 'vi' ? String(mean).replace('.', ',') : String(mean));
