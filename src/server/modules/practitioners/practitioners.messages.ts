import type { Catalogues } from '../../platform/http/messages.js';

/** Server messages of practitioners (field problems, entities). */
export const practitionerMessages: Catalogues = {
  'zh-CN': {
    'entity.practitioner': '从业人员',
    'entity.practitioner_photo': '从业人员照片',
    'licence_number.required': '请填写执业证号（证件类型为“无”时可不填）',
    'licence_number.not_applicable': '证件类型为“无”时不应填写执业证号',
    'licence_number.lawyer_format': '律师执业证号应为以 1 开头的 17 位数字',
    'licence_number.lawyer_region': '律师执业证号第 2–3 位的省份代码不存在',
    'licence_number.lawyer_year': '律师执业证号第 6–9 位的首次执业年份无效',
    'licence_number.format': '执业证号应为 6–30 位字母、数字或汉字，且含至少 4 位连续数字',
    'licence_type.kind_mismatch': '该类人员不能持有此类证件',
    'practitioner.licence_number.taken': '该执业证号已登记在其他从业人员名下',
    'practitioner.date.future': '日期不能晚于今天',
    'practitioner.organization.closed': '该机构已关闭，不能加入人员',
    'practitioner.move.same_organization': '请选择与当前不同的机构',
    'practitioner.move.before_previous': '调动日期不能早于上一次调动（{date}）',
    'practitioner.account.unknown': '账号不存在或不在本辖区',
    'practitioner.account.not_staff': '只能关联工作人员账号',
    'practitioner.account.taken': '该账号已关联其他从业人员',
    'practitioner.photo.type': '照片应为 JPEG、PNG 或 WebP 图片，且与声明的类型一致',
    'practitioner.import.organization_unknown': '本辖区内没有名为“{name}”的机构',
    'practitioner.import.organization_ambiguous':
      '本辖区内有多个名为“{name}”的机构（{places}），无法确定；请先修改其中一个的名称',
    'practitioner.import.licence_repeated': '与第 {row} 行的执业证号重复',
  },
  'en-US': {
    'entity.practitioner': 'practitioner',
    'entity.practitioner_photo': 'practitioner photo',
    'licence_number.required': 'is required unless the licence type is none',
    'licence_number.not_applicable': 'must be empty when the licence type is none',
    'licence_number.lawyer_format': 'a lawyer licence number has 17 digits and starts with 1',
    'licence_number.lawyer_region': 'digits 2–3 of the lawyer licence number are not a province',
    'licence_number.lawyer_year': 'digits 6–9 of the lawyer licence number are not a valid year',
    'licence_number.format':
      'must be 6–30 letters, digits or Chinese characters, with at least 4 digits in a row',
    'licence_type.kind_mismatch': 'this kind of practitioner cannot hold this licence',
    'practitioner.licence_number.taken': 'this licence number belongs to another practitioner',
    'practitioner.date.future': 'must not be after today',
    'practitioner.organization.closed': 'this organization is closed and takes no one new',
    'practitioner.move.same_organization': 'choose an organization other than the current one',
    'practitioner.move.before_previous': 'must not be before the previous move ({date})',
    'practitioner.account.unknown': 'no such account in your jurisdiction',
    'practitioner.account.not_staff': 'only a staff account can be linked',
    'practitioner.account.taken': 'this account is linked to another practitioner',
    'practitioner.photo.type':
      'the photo must be a JPEG, PNG or WebP image matching its declared type',
    'practitioner.import.organization_unknown':
      'there is no organization "{name}" in your jurisdiction',
    'practitioner.import.organization_ambiguous':
      'several organizations are named "{name}" ({places}); rename one of them first',
    'practitioner.import.licence_repeated': 'repeats the licence number of row {row}',
  },
};
