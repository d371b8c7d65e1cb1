import type { Catalogues } from '../../platform/http/messages.js';

/** Server messages of volunteers (field problems, entities). */
export const volunteerMessages: Catalogues = {
  'zh-CN': {
    'entity.volunteer': '志愿者',
    'entity.volunteer_record': '志愿者记录',
    'entity.service_hours': '服务时长记录',
    'hours.tenths': '最多保留一位小数',
    'volunteer.phone_taken': '该手机号的志愿者已登记',
    'volunteer.managing_organization.required': '请选择服务站点或管理机构',
    'volunteer.station.unknown': '服务站点不存在或不在本辖区',
    'volunteer.station.type': '应为公共法律服务或法律援助站点',
    'volunteer.organization.out_of_scope': '只能选择本辖区内的机构',
    'volunteer.partner.unknown': '合作单位不存在或不在本辖区',
    'volunteer_hours.future': '服务日期不能晚于今天',
    'volunteer_hours.day_total': '同一天累计不能超过 24 小时（当天已登记 {logged} 小时）',
    'volunteer_record.valid_to_before': '截止日期不能早于记录日期',
    'volunteer_record.hours_training_only': '只有培训记录可以填写学时',
    'volunteer_record.insurance_valid_to': '保险记录须填写保险止期',
    'spreadsheet.volunteer.station_unknown': '找不到服务站点“{name}”：须为本辖区内机构的全称',
    'spreadsheet.volunteer.station_ambiguous': '本辖区内有多个名为“{name}”的机构，无法确定服务站点',
    'spreadsheet.volunteer.partner_unknown': '找不到招募单位“{name}”：须为本辖区已登记的合作单位',
    'spreadsheet.volunteer.partner_ambiguous': '本辖区内有多个名为“{name}”的合作单位，无法确定',
    'spreadsheet.volunteer.phone_in_file': '与第 {row} 行的手机号重复',
  },
  'en-US': {
    'entity.volunteer': 'volunteer',
    'entity.volunteer_record': 'volunteer record',
    'entity.service_hours': 'service hours entry',
    'hours.tenths': 'may have at most one decimal place',
    'volunteer.phone_taken': 'a volunteer with this mobile number is already registered',
    'volunteer.managing_organization.required': 'choose a station or a managing organization',
    'volunteer.station.unknown': 'no such station in your jurisdiction',
    'volunteer.station.type': 'must be a public legal service or legal aid station',
    'volunteer.organization.out_of_scope': 'must be an organization within your jurisdiction',
    'volunteer.partner.unknown': 'no such partner in your jurisdiction',
    'volunteer_hours.future': 'the day served cannot be later than today',
    'volunteer_hours.day_total':
      'a day holds at most 24 hours ({logged} hours already logged that day)',
    'volunteer_record.valid_to_before': 'the end date cannot be before the date recorded',
    'volunteer_record.hours_training_only': 'only training records have hours',
    'volunteer_record.insurance_valid_to': 'an insurance record needs the end of cover',
    'spreadsheet.volunteer.station_unknown':
      'no station "{name}": give the full name of an organization in your jurisdiction',
    'spreadsheet.volunteer.station_ambiguous':
      'several organizations in your jurisdiction are named "{name}"; the station is unclear',
    'spreadsheet.volunteer.partner_unknown':
      'no partner "{name}": give the name of a partner registered in your jurisdiction',
    'spreadsheet.volunteer.partner_ambiguous':
      'several partners in your jurisdiction are named "{name}"; the partner is unclear',
    'spreadsheet.volunteer.phone_in_file': 'the same mobile number as row {row}',
  },
};
