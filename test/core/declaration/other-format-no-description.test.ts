import rule from '../../../src/core/rules/declaration/other-format-no-description';
import { testDeclarationRule } from '../../support/declaration-grid';

testDeclarationRule(rule, {
  valid: [
    { name: 'other format, described', companyAnswers: { survey: 'Yes, using other format (describe)' }, companyComments: { survey: 'In-house questionnaire covering smelter names and IDs' } },
    { name: 'IPC-1755 format', companyAnswers: { survey: 'Yes, in conformance with IPC1755 (e.g., CMRT)' } },
    { name: 'no survey', companyAnswers: { survey: 'No' } },
    { name: 'other format in another question is not this rule\'s concern', companyAnswers: { policy: 'Yes, using other format (describe)' } },
  ],
  invalid: [
    {
      name: 'CMRT 6.5 question E (D83): the finding points at the empty comment (G83)',
      companyAnswers: { survey: 'Yes, using other format (describe)' },
      errors: [{ cell: 'G83', severity: 'warning', message: /company question E is "Yes, using other format \(describe\)" \(D83\)/, fix: /comment of question E/, data: { answerCell: 'D83' } }],
    },
    {
      name: 'a blank comment counts as empty',
      version: '6.01',
      companyAnswers: { survey: 'Yes, Using Other Format (Describe)' },
      companyComments: { survey: '   ' },
      errors: [{ cell: 'G83' }],
    },
    {
      name: 'EMRT 2.1 question E (D133/G133)',
      family: 'EMRT', version: '2.1', minerals: ['Cobalt'],
      companyAnswers: { survey: 'Yes, Using Other Format (Describe)' },
      errors: [{ cell: 'G133' }],
    },
    {
      name: 'CRT 2.2: the survey is question G (D75/G75)',
      family: 'CRT', version: '2.2',
      companyAnswers: { survey: 'Yes, Using Other Format (Describe)' },
      errors: [{ cell: 'G75', message: /company question G/ }],
    },
  ],
});
